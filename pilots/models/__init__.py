from .household import BuildingType, Commitment, CommitmentChange, Household, Tenure
from .invitation import Invitation
from .lesson import Lesson, LessonTheme
from .links import HouseholdLink, StreetLink
from .milestone import Milestone, MilestoneStatus, PhaseStart
from .parameter import ParameterOverride, pilot_parameters
from .pilot import Gemeente, Membership, Phase, Pilot, PilotQuerySet, Role, ScaleClass
from .regime import PilotRegimeFacts
from .report import GeneratedReport, ReportJob

__all__ = [
    "BuildingType",
    "Commitment",
    "CommitmentChange",
    "Gemeente",
    "GeneratedReport",
    "Household",
    "HouseholdLink",
    "Lesson",
    "LessonTheme",
    "Invitation",
    "Membership",
    "Milestone",
    "MilestoneStatus",
    "ParameterOverride",
    "Phase",
    "PhaseStart",
    "PilotRegimeFacts",
    "Pilot",
    "PilotQuerySet",
    "ReportJob",
    "Role",
    "ScaleClass",
    "StreetLink",
    "Tenure",
    "pilot_parameters",
]
