"""Names of the staff groups (created with their permissions by a migration)."""

EDITORS = "Editors"
PUBLISHERS = "Publishers"
