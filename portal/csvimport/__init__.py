"""Importing counselors' spreadsheets saved as CSV: reading the file the way Excel writes it
(files), reading each cell (cells), checking each row fully before it is saved and saving each
row alone, with a summary a counselor can act on (rows).

An importer (see portal/jobs/importer.py) says which columns it needs, how to `parse` a row
(raising RowError, writing nothing), the `key` that identifies a record, and how to `save` it;
`run_import_command` is the body of its `flask ... import` command."""

from portal.csvimport.batches import ImportStopped
from portal.csvimport.cells import (
    check_length,
    parse_choice,
    parse_date,
    parse_district,
    parse_each,
    parse_list,
    parse_province,
    parse_whole_number,
)
from portal.csvimport.files import CsvFile, FileError, Row, RowError, header_name, read_csv
from portal.csvimport.rows import (
    ImportSummary,
    Outcome,
    RowImporter,
    import_csv,
    run_import_command,
)

__all__ = [
    "CsvFile",
    "FileError",
    "ImportStopped",
    "ImportSummary",
    "Outcome",
    "Row",
    "RowError",
    "RowImporter",
    "check_length",
    "header_name",
    "import_csv",
    "parse_choice",
    "parse_date",
    "parse_district",
    "parse_each",
    "parse_list",
    "parse_province",
    "parse_whole_number",
    "read_csv",
    "run_import_command",
]
