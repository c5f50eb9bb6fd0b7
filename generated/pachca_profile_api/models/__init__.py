"""Contains all the data models used in inputs/outputs.

Each name is imported from its own module on first use, so a process
loads only the models it touches; ``from pachca_profile_api.models.user
import User`` loads ``User`` and the models it refers to, nothing more.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .access_token_info import AccessTokenInfo
    from .access_token_info_response import AccessTokenInfoResponse
    from .api_error import ApiError
    from .api_error_item import ApiErrorItem
    from .api_error_item_payload_type_0 import ApiErrorItemPayloadType0
    from .avatar_data import AvatarData
    from .avatar_response import AvatarResponse
    from .avatar_upload import AvatarUpload
    from .away_message import AwayMessage
    from .custom_property import CustomProperty
    from .custom_property_data_type import CustomPropertyDataType
    from .custom_property_definition import CustomPropertyDefinition
    from .custom_property_definition_list_response import (
        CustomPropertyDefinitionListResponse,
    )
    from .custom_property_entity_type import CustomPropertyEntityType
    from .invite_status import InviteStatus
    from .o_auth_error import OAuthError
    from .o_auth_scope import OAuthScope
    from .paginate import Paginate
    from .pagination_meta import PaginationMeta
    from .status_update import StatusUpdate
    from .status_update_request import StatusUpdateRequest
    from .user import User
    from .user_response import UserResponse
    from .user_role import UserRole
    from .user_status import UserStatus
    from .user_status_response import UserStatusResponse
    from .user_status_set_response import UserStatusSetResponse
    from .validation_error_code import ValidationErrorCode
else:
    import importlib

    # The module of each name, below this package.
    _MODULES = {
        "AccessTokenInfo": ".access_token_info",
        "AccessTokenInfoResponse": ".access_token_info_response",
        "ApiError": ".api_error",
        "ApiErrorItem": ".api_error_item",
        "ApiErrorItemPayloadType0": ".api_error_item_payload_type_0",
        "AvatarData": ".avatar_data",
        "AvatarResponse": ".avatar_response",
        "AvatarUpload": ".avatar_upload",
        "AwayMessage": ".away_message",
        "CustomProperty": ".custom_property",
        "CustomPropertyDataType": ".custom_property_data_type",
        "CustomPropertyDefinition": ".custom_property_definition",
        "CustomPropertyDefinitionListResponse": ".custom_property_definition_list_response",
        "CustomPropertyEntityType": ".custom_property_entity_type",
        "InviteStatus": ".invite_status",
        "OAuthError": ".o_auth_error",
        "OAuthScope": ".o_auth_scope",
        "Paginate": ".paginate",
        "PaginationMeta": ".pagination_meta",
        "StatusUpdate": ".status_update",
        "StatusUpdateRequest": ".status_update_request",
        "User": ".user",
        "UserResponse": ".user_response",
        "UserRole": ".user_role",
        "UserStatus": ".user_status",
        "UserStatusResponse": ".user_status_response",
        "UserStatusSetResponse": ".user_status_set_response",
        "ValidationErrorCode": ".validation_error_code",
    }

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module, __name__), name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})


__all__ = (
    "AccessTokenInfo",
    "AccessTokenInfoResponse",
    "ApiError",
    "ApiErrorItem",
    "ApiErrorItemPayloadType0",
    "AvatarData",
    "AvatarResponse",
    "AvatarUpload",
    "AwayMessage",
    "CustomProperty",
    "CustomPropertyDataType",
    "CustomPropertyDefinition",
    "CustomPropertyDefinitionListResponse",
    "CustomPropertyEntityType",
    "InviteStatus",
    "OAuthError",
    "OAuthScope",
    "Paginate",
    "PaginationMeta",
    "StatusUpdate",
    "StatusUpdateRequest",
    "User",
    "UserResponse",
    "UserRole",
    "UserStatus",
    "UserStatusResponse",
    "UserStatusSetResponse",
    "ValidationErrorCode",
)
