"""Energy prices, energy tax, VAT and the ACM maximum heat tariff, 2026.

Every figure is a `Sourced` default; a pilot may override any of them. Supply prices and standing
charges are placeholders (no current contract prices were retrieved): check them first.
Amounts are excl. VAT unless the name or unit says "incl." (the ACM caps are published incl. VAT).
"""

from __future__ import annotations

from dataclasses import dataclass

from .defaults import Sourced, V, check_ranges, default

# --- Commodity (domain §3.5: not retrieved, placeholders) -----------------------------------------
GAS_SUPPLY = Sourced(
    0.55,
    "€/m³ excl. btw",
    f"{V}: leveringstarief gas zonder belasting (all-in ≈ € 1,35–1,45)",
    False,
    0.05,
    3.0,
    year=2026,
)
ELECTRICITY_SUPPLY = Sourced(
    0.12,
    "€/kWh excl. btw",
    f"{V}: leveringstarief stroom zonder belasting (all-in ≈ € 0,25–0,30)",
    False,
    0.0,
    1.0,
    year=2026,
)
# --- Energy tax and tax credit 2026 (domain §3.5; draft Belastingplan 2026 figures) ---------------
GAS_TAX = Sourced(
    0.6007,
    "€/m³ excl. btw",
    "Energiebelasting aardgas 0–170.000 m³, 2026 (selectra.nl; "
    "0,72680 incl.); 2025: 0,5782 (rendement.nl)",
    False,
    0.0,
    2.0,
    year=2026,
)
ELECTRICITY_TAX = Sourced(
    0.0916,
    "€/kWh excl. btw",
    "Energiebelasting elektriciteit 0–10.000 kWh, 2026 "
    "(gelijkvergelijk.nl, selectra.nl; 0,1108 incl.)",
    False,
    0.0,
    0.5,
    year=2026,
)
TAX_CREDIT = Sourced(
    519.80,
    "€/jaar excl. btw",
    "Belastingvermindering per elektriciteitsaansluiting 2026 "
    "(engie.nl, selectra.nl; 628,96 incl.); 2025: 524,95 (rijksfinancien.nl)",
    False,
    0.0,
    1500.0,
    year=2026,
)
VAT = Sourced(0.21, "-", "btw-tarief op energie en installaties, 21 %", True, 0.0, 0.3, year=2026)
# --- Standing charges (domain §3.5: grid fees about € 250 gas, € 400 electricity) -----------------
GAS_STANDING = Sourced(
    250,
    "€/jaar excl. btw",
    f"{V}: vaste lasten gasaansluiting (netbeheer en vastrecht)",
    False,
    0,
    1500,
    year=2026,
)
ELECTRICITY_STANDING = Sourced(
    400,
    "€/jaar excl. btw",
    f"{V}: vaste lasten elektriciteitsaansluiting (netbeheer en vastrecht)",
    False,
    0,
    2000,
    year=2026,
)
# --- ACM maximum heat tariffs 2026, incl. VAT (domain §3.7) ---------------------------------------
ACM_VARIABLE = Sourced(
    40.97,
    "€/GJ incl. btw",
    "ACM maximumtarief warmte 2026, variabel (ANP/hartvannederland.nl, "
    "5 december 2025); 2025: 43,79",
    True,
    0.0,
    200.0,
    year=2026,
)
ACM_FIXED = Sourced(
    828,
    "€/jaar incl. btw",
    "ACM maximum vaste kosten 2026: 2025 € 760,77 + 'ruim € 67' (exact bedrag onbevestigd)",
    False,
    0,
    3000,
    year=2026,
)


# --- A pilot's proposed heat tariff (issue 15): entered as a pilot override, 0 = none -----------
PROPOSED_FIXED = Sourced(
    0,
    "€/jaar incl. btw",
    "Voorstel van de pilot (eigen waarde met toelichting); 0 = geen voorstel ingevoerd",
    False,
    0,
    3000,
    year=2026,
)
PROPOSED_VARIABLE = Sourced(
    0,
    "€/GJ incl. btw",
    "Voorstel van de pilot (eigen waarde met toelichting); 0 = geen voorstel ingevoerd",
    False,
    0,
    200,
    year=2026,
)


@dataclass(frozen=True)
class PricesParams:
    """Prices a household (or a network company) pays in 2026, with their sources."""

    gas_supply_eur_per_m3: float = default(GAS_SUPPLY)
    gas_tax_eur_per_m3: float = default(GAS_TAX)
    electricity_supply_eur_per_kwh: float = default(ELECTRICITY_SUPPLY)
    electricity_tax_eur_per_kwh: float = default(ELECTRICITY_TAX)
    tax_credit_eur_per_year: float = default(TAX_CREDIT)
    vat_rate: float = default(VAT)
    gas_standing_charge_eur_per_year: float = default(GAS_STANDING)
    electricity_standing_charge_eur_per_year: float = default(ELECTRICITY_STANDING)
    acm_max_heat_eur_per_gj: float = default(ACM_VARIABLE)  # incl. VAT
    acm_max_fixed_eur_per_year: float = default(ACM_FIXED)  # incl. VAT
    proposed_heat_fixed_eur_per_year: float = default(PROPOSED_FIXED)  # incl. VAT, 0 = none
    proposed_heat_eur_per_gj: float = default(PROPOSED_VARIABLE)  # incl. VAT, 0 = none

    def __post_init__(self) -> None:
        check_ranges(self)

    @property
    def vat_factor(self) -> float:
        return 1 + self.vat_rate

    def gas_eur_per_m3(self, *, vat: bool = True) -> float:
        """Supply + energy tax (+ VAT): € 0.55 + € 0.6007 = € 1.1507; × 1.21 = € 1.3923/m³."""
        excl = self.gas_supply_eur_per_m3 + self.gas_tax_eur_per_m3
        return excl * self.vat_factor if vat else excl

    def electricity_eur_per_kwh(self, *, vat: bool = True) -> float:
        """Supply + energy tax (+ VAT): € 0.12 + € 0.0916 = € 0.2116; × 1.21 = € 0.2560/kWh.

        One tax bracket (0–10,000 kWh) for every connection: a large central plant would fall in
        the lower brackets, which is not modelled.
        """
        excl = self.electricity_supply_eur_per_kwh + self.electricity_tax_eur_per_kwh
        return excl * self.vat_factor if vat else excl

    def electricity_connection_eur_per_year(self) -> float:
        """Standing charge less the tax credit, incl. VAT: (400 − 519.80) × 1.21 = −€ 144.96.

        Every option keeps its electricity connection, so this is the same for gas, network and
        heat pump; it is shown so the gas reference includes the heffingskorting as bills do.
        """
        return (
            self.electricity_standing_charge_eur_per_year - self.tax_credit_eur_per_year
        ) * self.vat_factor

    def acm_max_eur_per_year(self, heat_gj: float) -> float:
        """ACM cap for one connection: fixed part + variable price × GJ (incl. VAT)."""
        return self.acm_max_fixed_eur_per_year + self.acm_max_heat_eur_per_gj * heat_gj
