"""The steps of `seed_demo`, run in this order. Each takes the options and returns an Outcome
(or None when the options skip it); adding a step is adding one function to STEPS."""

from dataclasses import dataclass

from library.demo.accounts import seed_accounts
from library.demo.content import seed_demo_content
from library.demo.generated import seed_generated
from library.demo.living import seed_living_content
from library.demo.partners import seed_partner_organisations


@dataclass(frozen=True)
class SeedOptions:
    password: str
    resources: int = 0
    accounts: bool = True


STEPS = [
    seed_demo_content,
    seed_generated,
    seed_accounts,
    seed_partner_organisations,
    seed_living_content,
]


def register(step):
    """Apps built on the library add their demo step (run after the library's own) from their
    AppConfig.ready(), so the library never imports them."""
    if step not in STEPS:
        STEPS.append(step)
    return step


def run_steps(options, steps=None):
    """Run every step; the outcomes of those that ran, in order."""
    outcomes = []
    for step in STEPS if steps is None else steps:
        outcome = step(options)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes
