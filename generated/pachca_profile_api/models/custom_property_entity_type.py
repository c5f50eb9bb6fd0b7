from enum import StrEnum


class CustomPropertyEntityType(StrEnum):
    TASK = "Task"
    USER = "User"

    def __str__(self) -> str:
        return str(self.value)
