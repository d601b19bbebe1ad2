from .household import BuildingType, Commitment, CommitmentChange, Household, Tenure
from .milestone import Milestone, MilestoneStatus, PhaseStart
from .pilot import Gemeente, Membership, Phase, Pilot, PilotQuerySet, Role, ScaleClass
from .regime import PilotRegimeFacts

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
    "PilotRegimeFacts",
    "Pilot",
    "PilotQuerySet",
    "Role",
    "ScaleClass",
    "Tenure",
]
