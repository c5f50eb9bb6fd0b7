from enum import Enum


class CustomPropertyEntityType(str, Enum):
    TASK = "Task"
    USER = "User"

    def __str__(self) -> str:
        return str(self.value)
