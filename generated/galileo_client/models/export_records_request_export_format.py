from enum import StrEnum


class ExportRecordsRequestExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    JSONL_FLAT = "jsonl_flat"

    def __str__(self) -> str:
        return str(self.value)
