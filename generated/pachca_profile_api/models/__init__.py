"""Contains all the data models used in inputs/outputs"""

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
