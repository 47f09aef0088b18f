"""Staff reporting per programme: enrolment, completion and drop-off per module.

A module's figures, in programme order:
- reached: enrolments that completed every module before it (all enrolments for the first);
- completed: enrolments that completed it;
- dropped: of those that reached it, the ones that have not completed it (yet).
Three queries whatever the number of modules or enrolments' rows."""

import csv
from dataclasses import dataclass

from django.utils.translation import gettext as _

from library.exporting import csv_cell
from programmes.models import Certificate, Enrolment, ModuleCompletion


@dataclass(frozen=True)
class ModuleFigures:
    position: int
    title: str
    reached: int
    completed: int
    dropped: int

    @property
    def drop_off_percent(self):
        return round(100 * self.dropped / self.reached) if self.reached else 0


@dataclass(frozen=True)
class Report:
    enrolled: int
    completed: int
    certificates_valid: int
    modules: list


def report_for(programme):
    modules = list(programme.modules.order_by("position", "id").values_list("pk", "title"))
    enrolments = Enrolment.objects.filter(programme=programme)
    enrolled = enrolments.count()
    done = {}
    for enrolment_id, module_id in ModuleCompletion.objects.filter(
        enrolment__programme=programme
    ).values_list("enrolment_id", "module_id"):
        done.setdefault(enrolment_id, set()).add(module_id)
    figures = []
    before = set()
    for position, (module_id, title) in enumerate(modules, start=1):
        reached = enrolled if not before else sum(1 for ids in done.values() if before <= ids)
        completed = sum(1 for ids in done.values() if module_id in ids)
        through = sum(1 for ids in done.values() if before | {module_id} <= ids)
        figures.append(ModuleFigures(position, title, reached, completed, reached - through))
        before = before | {module_id}
    return Report(
        enrolled=enrolled,
        completed=enrolments.filter(completed_at__isnull=False).count(),
        certificates_valid=Certificate.objects.valid().filter(enrolment__programme=programme).count(),
        modules=figures,
    )


class _Line:
    def write(self, value):
        return value


def report_csv_lines(programme, report):
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([_("programme"), _("enrolled"), _("completed"), _("valid certificates")])
    yield writer.writerow(
        [csv_cell(programme.title), report.enrolled, report.completed, report.certificates_valid]
    )
    yield writer.writerow([])
    yield writer.writerow(
        [_("position"), _("module"), _("reached"), _("completed"), _("dropped"), _("drop-off %")]
    )
    for row in report.modules:
        yield writer.writerow(
            [row.position, csv_cell(row.title), row.reached, row.completed, row.dropped, row.drop_off_percent]
        )
