"""Demo content and accounts for `manage.py seed_demo`.

- `topics.py`, `translated.py`: the hand-written content, as data.
- `catalogue.py`: turns that data into resource specifications (three kinds per topic).
- `pdf.py`: the toolkits' PDF files, generated at seed time.
- `content.py`: writes the specifications to the database, idempotently (keyed by slug).
- `generated.py`: N extra generated resources for benchmarks, in bulk.
- `accounts.py`: the demo accounts of the contract.
- `steps.py`: the ordered list of steps the command runs.
"""
