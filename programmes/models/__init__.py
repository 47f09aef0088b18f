from programmes.models.collections import Collection, CollectionItem
from programmes.models.programmes import Choice, Level, Module, Programme, Question, Step, StepKind
from programmes.models.progress import Certificate, CheckAttempt, Enrolment, ModuleCompletion, StepDone
from programmes.models.publishing import PublishingChange

__all__ = [
    "Certificate",
    "CheckAttempt",
    "Choice",
    "Collection",
    "CollectionItem",
    "Enrolment",
    "Level",
    "Module",
    "ModuleCompletion",
    "Programme",
    "PublishingChange",
    "Question",
    "Step",
    "StepDone",
    "StepKind",
]
