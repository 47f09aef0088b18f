"""What the admin's resource and case-study forms post, built by hand so each test says what it sends."""

from django.urls import reverse

from library.models.resources import Kind

INLINE_FILES = {
    "files-TOTAL_FORMS": "0",
    "files-INITIAL_FORMS": "0",
    "files-MIN_NUM_FORMS": "0",
    "files-MAX_NUM_FORMS": "1000",
}


def resource_fields(resource=None, **overrides):
    """The form fields of a toolkit or guide, from an existing resource or with defaults."""
    data = {
        "kind": resource.kind if resource else Kind.GUIDE,
        "title": resource.title if resource else "Observing elections",
        "slug": resource.slug if resource else "observing-elections",
        "summary": resource.summary if resource else "How citizens observe an election.",
        "body": resource.body if resource else "## Before election day\n\nTrain observers.",
        "language": resource.language if resource else "en",
        "new_tags": "",
        "cover_alt": resource.cover_alt if resource else "",
        "published_at_0": "",
        "published_at_1": "",
        **INLINE_FILES,
    }
    if resource is not None:
        data["files-INITIAL_FORMS"] = data["files-TOTAL_FORMS"] = str(resource.files.count())
        for index, resource_file in enumerate(resource.files.all()):
            data.update(
                {
                    f"files-{index}-id": str(resource_file.pk),
                    f"files-{index}-resource": str(resource.pk),
                    f"files-{index}-title": resource_file.title,
                    f"files-{index}-language": resource_file.language,
                    f"files-{index}-access": resource_file.access,
                    f"files-{index}-position": str(resource_file.position),
                }
            )
    data.update(overrides)
    return data


def case_study_fields(case_study=None, **overrides):
    data = resource_fields(case_study)
    data.pop("kind")
    data.update(
        {
            "organisation": case_study.organisation if case_study else "Forum for Civic Action",
            "project_code": case_study.project_code if case_study else "UDF-KE-19-001",
            "period_start": "",
            "period_end": "",
            "context": case_study.context if case_study else "Trust in elections was low.",
            "approach": case_study.approach if case_study else "Volunteers observed 300 polling stations.",
            "results": case_study.results if case_study else "Results were published within a day.",
            "lessons_learned": case_study.lessons_learned if case_study else "Train observers early.",
        }
    )
    data.update(overrides)
    return data


def add_url(model="resource"):
    app = "casestudies" if model == "casestudy" else "library"
    return reverse(f"admin:{app}_{model}_add")


def change_url(resource):
    model = "casestudy" if resource.kind == Kind.CASE_STUDY else "resource"
    app = "casestudies" if model == "casestudy" else "library"
    return reverse(f"admin:{app}_{model}_change", args=[resource.pk])


def changelist_url(model="resource"):
    app = "casestudies" if model == "casestudy" else "library"
    return reverse(f"admin:{app}_{model}_changelist")
