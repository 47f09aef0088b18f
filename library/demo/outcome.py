"""What one step of `seed_demo` did, for the command's summary."""

from dataclasses import dataclass, field


@dataclass
class Outcome:
    label: str
    created: int = 0
    existing: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self):
        line = f"{self.label}: {self.created} created, {self.existing} already there"
        return "; ".join([line, *self.notes])
