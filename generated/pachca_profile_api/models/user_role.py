from enum import StrEnum


class UserRole(StrEnum):
    ADMIN = "admin"
    GUEST = "guest"
    MULTI_GUEST = "multi_guest"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
