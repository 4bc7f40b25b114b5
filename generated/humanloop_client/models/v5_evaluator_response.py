from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v5_evaluator_response_type import V5EvaluatorResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_code_evaluator_spec import V5CodeEvaluatorSpec
    from ..models.v5_environment_response import V5EnvironmentResponse
    from ..models.v5_evaluator_aggregate import V5EvaluatorAggregate
    from ..models.v5_external_evaluator_spec import V5ExternalEvaluatorSpec
    from ..models.v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
    from ..models.v5_file_common_schema_type_0 import V5FileCommonSchemaType0
    from ..models.v5_human_evaluator_spec import V5HumanEvaluatorSpec
    from ..models.v5_input_response import V5InputResponse
    from ..models.v5_llm_evaluator_spec import V5LlmEvaluatorSpec
    from ..models.v5_monitoring_evaluator_response import V5MonitoringEvaluatorResponse
    from ..models.v5_unknown_evaluator_spec import V5UnknownEvaluatorSpec


T = TypeVar("T", bound="V5EvaluatorResponse")


@_attrs_define
class V5EvaluatorResponse:
    """
    Attributes:
        path (None | str | Unset): Path of the file
        id (None | str | Unset): Unique identifier for the file.
        directory_id (None | str | Unset):
        name (None | str | Unset):
        description (None | str | Unset):
        readme (None | str | Unset):
        tags (list[str] | None | Unset):
        version_id (None | str | Unset): Unique identifier for the specific version.
        version_name (None | str | Unset):
        version_description (None | str | Unset):
        environments (list[V5EnvironmentResponse] | None | Unset):
        created_at (datetime.datetime | None | Unset):
        updated_at (datetime.datetime | None | Unset):
        created_by (Any | Unset): The user who created the file (any shape).
        last_used_at (datetime.datetime | None | Unset):
        version_logs_count (int | None | Unset):
        total_logs_count (int | None | Unset):
        inputs (list[V5InputResponse] | None | Unset):
        evaluators (list[V5MonitoringEvaluatorResponse] | None | Unset): Monitoring Evaluators attached to the file.
        evaluator_aggregates (list[V5EvaluatorAggregate] | None | Unset):
        attributes (None | Unset | V5FileCommonAttributesType0):
        schema (None | Unset | V5FileCommonSchemaType0):
        raw_file_content (None | str | Unset): The raw `.prompt` / `.agent` file content.
        type_ (V5EvaluatorResponseType | Unset): The kind marker; when present it must be `evaluator`.
        spec (None | Unset | V5CodeEvaluatorSpec | V5ExternalEvaluatorSpec | V5HumanEvaluatorSpec | V5LlmEvaluatorSpec |
            V5UnknownEvaluatorSpec): How the Evaluator judges, picked by `evaluator_type`.
    """

    path: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    directory_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    readme: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    version_id: None | str | Unset = UNSET
    version_name: None | str | Unset = UNSET
    version_description: None | str | Unset = UNSET
    environments: list[V5EnvironmentResponse] | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    created_by: Any | Unset = UNSET
    last_used_at: datetime.datetime | None | Unset = UNSET
    version_logs_count: int | None | Unset = UNSET
    total_logs_count: int | None | Unset = UNSET
    inputs: list[V5InputResponse] | None | Unset = UNSET
    evaluators: list[V5MonitoringEvaluatorResponse] | None | Unset = UNSET
    evaluator_aggregates: list[V5EvaluatorAggregate] | None | Unset = UNSET
    attributes: None | Unset | V5FileCommonAttributesType0 = UNSET
    schema: None | Unset | V5FileCommonSchemaType0 = UNSET
    raw_file_content: None | str | Unset = UNSET
    type_: V5EvaluatorResponseType | Unset = UNSET
    spec: (
        None
        | Unset
        | V5CodeEvaluatorSpec
        | V5ExternalEvaluatorSpec
        | V5HumanEvaluatorSpec
        | V5LlmEvaluatorSpec
        | V5UnknownEvaluatorSpec
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_code_evaluator_spec import V5CodeEvaluatorSpec
        from ..models.v5_external_evaluator_spec import V5ExternalEvaluatorSpec
        from ..models.v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
        from ..models.v5_file_common_schema_type_0 import V5FileCommonSchemaType0
        from ..models.v5_human_evaluator_spec import V5HumanEvaluatorSpec
        from ..models.v5_llm_evaluator_spec import V5LlmEvaluatorSpec
        from ..models.v5_unknown_evaluator_spec import V5UnknownEvaluatorSpec

        path: None | str | Unset
        if isinstance(self.path, Unset):
            path = UNSET
        else:
            path = self.path

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        directory_id: None | str | Unset
        if isinstance(self.directory_id, Unset):
            directory_id = UNSET
        else:
            directory_id = self.directory_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        readme: None | str | Unset
        if isinstance(self.readme, Unset):
            readme = UNSET
        else:
            readme = self.readme

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        version_name: None | str | Unset
        if isinstance(self.version_name, Unset):
            version_name = UNSET
        else:
            version_name = self.version_name

        version_description: None | str | Unset
        if isinstance(self.version_description, Unset):
            version_description = UNSET
        else:
            version_description = self.version_description

        environments: list[dict[str, Any]] | None | Unset
        if isinstance(self.environments, Unset):
            environments = UNSET
        elif isinstance(self.environments, list):
            environments = []
            for environments_type_0_item_data in self.environments:
                environments_type_0_item = environments_type_0_item_data.to_dict()
                environments.append(environments_type_0_item)

        else:
            environments = self.environments

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        created_by = self.created_by

        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        elif isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        version_logs_count: int | None | Unset
        if isinstance(self.version_logs_count, Unset):
            version_logs_count = UNSET
        else:
            version_logs_count = self.version_logs_count

        total_logs_count: int | None | Unset
        if isinstance(self.total_logs_count, Unset):
            total_logs_count = UNSET
        else:
            total_logs_count = self.total_logs_count

        inputs: list[dict[str, Any]] | None | Unset
        if isinstance(self.inputs, Unset):
            inputs = UNSET
        elif isinstance(self.inputs, list):
            inputs = []
            for inputs_type_0_item_data in self.inputs:
                inputs_type_0_item = inputs_type_0_item_data.to_dict()
                inputs.append(inputs_type_0_item)

        else:
            inputs = self.inputs

        evaluators: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluators, Unset):
            evaluators = UNSET
        elif isinstance(self.evaluators, list):
            evaluators = []
            for evaluators_type_0_item_data in self.evaluators:
                evaluators_type_0_item = evaluators_type_0_item_data.to_dict()
                evaluators.append(evaluators_type_0_item)

        else:
            evaluators = self.evaluators

        evaluator_aggregates: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluator_aggregates, Unset):
            evaluator_aggregates = UNSET
        elif isinstance(self.evaluator_aggregates, list):
            evaluator_aggregates = []
            for evaluator_aggregates_type_0_item_data in self.evaluator_aggregates:
                evaluator_aggregates_type_0_item = evaluator_aggregates_type_0_item_data.to_dict()
                evaluator_aggregates.append(evaluator_aggregates_type_0_item)

        else:
            evaluator_aggregates = self.evaluator_aggregates

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, V5FileCommonAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        schema: dict[str, Any] | None | Unset
        if isinstance(self.schema, Unset):
            schema = UNSET
        elif isinstance(self.schema, V5FileCommonSchemaType0):
            schema = self.schema.to_dict()
        else:
            schema = self.schema

        raw_file_content: None | str | Unset
        if isinstance(self.raw_file_content, Unset):
            raw_file_content = UNSET
        else:
            raw_file_content = self.raw_file_content

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        spec: dict[str, Any] | None | Unset
        if isinstance(self.spec, Unset):
            spec = UNSET
        elif (
            isinstance(self.spec, V5LlmEvaluatorSpec)
            or isinstance(self.spec, V5CodeEvaluatorSpec)
            or isinstance(self.spec, V5HumanEvaluatorSpec)
            or isinstance(self.spec, V5ExternalEvaluatorSpec)
            or isinstance(self.spec, V5UnknownEvaluatorSpec)
        ):
            spec = self.spec.to_dict()
        else:
            spec = self.spec

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if path is not UNSET:
            field_dict["path"] = path
        if id is not UNSET:
            field_dict["id"] = id
        if directory_id is not UNSET:
            field_dict["directory_id"] = directory_id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if readme is not UNSET:
            field_dict["readme"] = readme
        if tags is not UNSET:
            field_dict["tags"] = tags
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if version_name is not UNSET:
            field_dict["version_name"] = version_name
        if version_description is not UNSET:
            field_dict["version_description"] = version_description
        if environments is not UNSET:
            field_dict["environments"] = environments
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if version_logs_count is not UNSET:
            field_dict["version_logs_count"] = version_logs_count
        if total_logs_count is not UNSET:
            field_dict["total_logs_count"] = total_logs_count
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if evaluators is not UNSET:
            field_dict["evaluators"] = evaluators
        if evaluator_aggregates is not UNSET:
            field_dict["evaluator_aggregates"] = evaluator_aggregates
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if schema is not UNSET:
            field_dict["schema"] = schema
        if raw_file_content is not UNSET:
            field_dict["raw_file_content"] = raw_file_content
        if type_ is not UNSET:
            field_dict["type"] = type_
        if spec is not UNSET:
            field_dict["spec"] = spec

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_code_evaluator_spec import V5CodeEvaluatorSpec
        from ..models.v5_environment_response import V5EnvironmentResponse
        from ..models.v5_evaluator_aggregate import V5EvaluatorAggregate
        from ..models.v5_external_evaluator_spec import V5ExternalEvaluatorSpec
        from ..models.v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
        from ..models.v5_file_common_schema_type_0 import V5FileCommonSchemaType0
        from ..models.v5_human_evaluator_spec import V5HumanEvaluatorSpec
        from ..models.v5_input_response import V5InputResponse
        from ..models.v5_llm_evaluator_spec import V5LlmEvaluatorSpec
        from ..models.v5_monitoring_evaluator_response import V5MonitoringEvaluatorResponse
        from ..models.v5_unknown_evaluator_spec import V5UnknownEvaluatorSpec

        d = dict(src_dict)

        def _parse_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        path = _parse_path(d.pop("path", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_directory_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        directory_id = _parse_directory_id(d.pop("directory_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_readme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        readme = _parse_readme(d.pop("readme", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        def _parse_version_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_name = _parse_version_name(d.pop("version_name", UNSET))

        def _parse_version_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_description = _parse_version_description(d.pop("version_description", UNSET))

        def _parse_environments(data: object) -> list[V5EnvironmentResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                environments_type_0 = []
                _environments_type_0 = data
                for environments_type_0_item_data in _environments_type_0:
                    environments_type_0_item = V5EnvironmentResponse.from_dict(environments_type_0_item_data)

                    environments_type_0.append(environments_type_0_item)

                return environments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5EnvironmentResponse] | None | Unset, data)

        environments = _parse_environments(d.pop("environments", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        created_by = d.pop("created_by", UNSET)

        def _parse_last_used_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))

        def _parse_version_logs_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version_logs_count = _parse_version_logs_count(d.pop("version_logs_count", UNSET))

        def _parse_total_logs_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_logs_count = _parse_total_logs_count(d.pop("total_logs_count", UNSET))

        def _parse_inputs(data: object) -> list[V5InputResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                inputs_type_0 = []
                _inputs_type_0 = data
                for inputs_type_0_item_data in _inputs_type_0:
                    inputs_type_0_item = V5InputResponse.from_dict(inputs_type_0_item_data)

                    inputs_type_0.append(inputs_type_0_item)

                return inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5InputResponse] | None | Unset, data)

        inputs = _parse_inputs(d.pop("inputs", UNSET))

        def _parse_evaluators(data: object) -> list[V5MonitoringEvaluatorResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluators_type_0 = []
                _evaluators_type_0 = data
                for evaluators_type_0_item_data in _evaluators_type_0:
                    evaluators_type_0_item = V5MonitoringEvaluatorResponse.from_dict(evaluators_type_0_item_data)

                    evaluators_type_0.append(evaluators_type_0_item)

                return evaluators_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5MonitoringEvaluatorResponse] | None | Unset, data)

        evaluators = _parse_evaluators(d.pop("evaluators", UNSET))

        def _parse_evaluator_aggregates(data: object) -> list[V5EvaluatorAggregate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluator_aggregates_type_0 = []
                _evaluator_aggregates_type_0 = data
                for evaluator_aggregates_type_0_item_data in _evaluator_aggregates_type_0:
                    evaluator_aggregates_type_0_item = V5EvaluatorAggregate.from_dict(
                        evaluator_aggregates_type_0_item_data
                    )

                    evaluator_aggregates_type_0.append(evaluator_aggregates_type_0_item)

                return evaluator_aggregates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5EvaluatorAggregate] | None | Unset, data)

        evaluator_aggregates = _parse_evaluator_aggregates(d.pop("evaluator_aggregates", UNSET))

        def _parse_attributes(data: object) -> None | Unset | V5FileCommonAttributesType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = V5FileCommonAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5FileCommonAttributesType0, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        def _parse_schema(data: object) -> None | Unset | V5FileCommonSchemaType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schema_type_0 = V5FileCommonSchemaType0.from_dict(data)

                return schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5FileCommonSchemaType0, data)

        schema = _parse_schema(d.pop("schema", UNSET))

        def _parse_raw_file_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        raw_file_content = _parse_raw_file_content(d.pop("raw_file_content", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: V5EvaluatorResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = V5EvaluatorResponseType(_type_)

        def _parse_spec(
            data: object,
        ) -> (
            None
            | Unset
            | V5CodeEvaluatorSpec
            | V5ExternalEvaluatorSpec
            | V5HumanEvaluatorSpec
            | V5LlmEvaluatorSpec
            | V5UnknownEvaluatorSpec
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_evaluator_spec_type_0 = V5LlmEvaluatorSpec.from_dict(data)

                return componentsschemas_v5_evaluator_spec_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_evaluator_spec_type_1 = V5CodeEvaluatorSpec.from_dict(data)

                return componentsschemas_v5_evaluator_spec_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_evaluator_spec_type_2 = V5HumanEvaluatorSpec.from_dict(data)

                return componentsschemas_v5_evaluator_spec_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_evaluator_spec_type_3 = V5ExternalEvaluatorSpec.from_dict(data)

                return componentsschemas_v5_evaluator_spec_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_evaluator_spec_type_4 = V5UnknownEvaluatorSpec.from_dict(data)

                return componentsschemas_v5_evaluator_spec_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | Unset
                | V5CodeEvaluatorSpec
                | V5ExternalEvaluatorSpec
                | V5HumanEvaluatorSpec
                | V5LlmEvaluatorSpec
                | V5UnknownEvaluatorSpec,
                data,
            )

        spec = _parse_spec(d.pop("spec", UNSET))

        v5_evaluator_response = cls(
            path=path,
            id=id,
            directory_id=directory_id,
            name=name,
            description=description,
            readme=readme,
            tags=tags,
            version_id=version_id,
            version_name=version_name,
            version_description=version_description,
            environments=environments,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            last_used_at=last_used_at,
            version_logs_count=version_logs_count,
            total_logs_count=total_logs_count,
            inputs=inputs,
            evaluators=evaluators,
            evaluator_aggregates=evaluator_aggregates,
            attributes=attributes,
            schema=schema,
            raw_file_content=raw_file_content,
            type_=type_,
            spec=spec,
        )

        v5_evaluator_response.additional_properties = d
        return v5_evaluator_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
