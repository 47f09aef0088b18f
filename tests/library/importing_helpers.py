"""Records and files in the import format, for the import and export tests."""

import json

# the import format's fields in the order of the public contract, which exports keep
FORMAT_FIELDS = [
    "kind",
    "title",
    "slug",
    "summary",
    "body",
    "tags",
    "themes",
    "countries",
    "language",
    "published_at",
    "status",
    "organisation",
    "project_code",
    "lessons_learned",
]


def a_record(**fields):
    record = {
        "kind": "guide",
        "title": "How to observe an election",
        "slug": "how-to-observe-an-election",
        "summary": "Plan, recruit and deploy citizen observers.",
        "body": "## Before election day\n\nRecruit early.",
        "tags": ["election observation", "voter education"],
        "themes": ["electoral-processes"],
        "countries": ["KE"],
        "language": "en",
        "published_at": "2019-05-01",
        "status": "published",
    }
    record.update(fields)
    return {key: value for key, value in record.items() if value is not ...}


def a_case_study_record(**fields):
    values = {
        "kind": "case-study",
        "title": "Women candidates in Kenya",
        "slug": "women-candidates-in-kenya",
        "organisation": "Forum for Civic Action",
        "project_code": "UDF-KE-19-001",
        "lessons_learned": "Start early.",
    }
    values.update(fields)
    return a_record(**values)


def write_lines(path, *lines):
    """Each line is a record (written as JSON) or bytes written as they are."""
    with open(path, "wb") as out:
        for line in lines:
            out.write(line if isinstance(line, bytes) else json.dumps(line, ensure_ascii=False).encode())
            out.write(b"\n")
    return path
