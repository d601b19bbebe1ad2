from .household import BuildingType, Commitment, CommitmentChange, Household, Tenure
from .links import HouseholdLink, StreetLink
from .milestone import Milestone, MilestoneStatus, PhaseStart
from .pilot import Gemeente, Membership, Phase, Pilot, PilotQuerySet, Role, ScaleClass
from .regime import PilotRegimeFacts

__all__ = [
    "BuildingType",
    "Commitment",
    "CommitmentChange",
    "Gemeente",
    "Household",
    "HouseholdLink",
    "Membership",
    "Milestone",
    "MilestoneStatus",
    "Phase",
    "PhaseStart",
    "PilotRegimeFacts",
    "Pilot",
    "PilotQuerySet",
    "Role",
    "ScaleClass",
    "StreetLink",
    "Tenure",
]
