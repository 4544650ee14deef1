from .access import MunicipalityRole
from .case_studies import CaseStudyPage
from .factors import SuccessFactorIndexPage, SuccessFactorPage
from .municipalities import (
    AZCLocation,
    MunicipalityIndexPage,
    MunicipalityPage,
    ProjectTeamMember,
    YearlyFigure,
)
from .opportunities import VolunteeringOpportunity
from .programmes import ProgrammePage, StakeholderBenefitBlock
from .snippets import ActivityType, Organisation, Person, Province
from .stories import PressLink, StoryIndexPage, StoryPage
from .support import SupportFormField, SupportRequestPage

__all__ = [
    "AZCLocation",
    "ActivityType",
    "CaseStudyPage",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "MunicipalityRole",
    "Organisation",
    "Person",
    "PressLink",
    "ProgrammePage",
    "ProjectTeamMember",
    "Province",
    "StakeholderBenefitBlock",
    "StoryIndexPage",
    "VolunteeringOpportunity",
    "StoryPage",
    "SuccessFactorIndexPage",
    "SuccessFactorPage",
    "SupportFormField",
    "SupportRequestPage",
    "YearlyFigure",
]
