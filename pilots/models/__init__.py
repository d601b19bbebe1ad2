from .household import BuildingType, Commitment, CommitmentChange, Household, Tenure
from .milestone import Milestone, MilestoneStatus, PhaseStart
from .pilot import Gemeente, Membership, Phase, Pilot, PilotQuerySet, Role, ScaleClass

__all__ = [
    "BuildingType",
    "Commitment",
    "CommitmentChange",
    "Gemeente",
    "Household",
    "Membership",
    "Milestone",
    "MilestoneStatus",
    "Phase",
    "PhaseStart",
    "Pilot",
    "PilotQuerySet",
    "Role",
    "ScaleClass",
    "Tenure",
]
