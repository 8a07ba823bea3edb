export const id = 917;
export const ids = [917];
export const modules = {

/***/ 1917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   schemaErrors: () => (/* binding */ schemaErrors)
/* harmony export */ });
/* harmony import */ var _seriousme_openapi_schema_validator_schemas_v2_0_schema_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4529);
/* harmony import */ var _seriousme_openapi_schema_validator_schemas_v3_0_schema_json__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6272);
/* harmony import */ var ajv_draft_04__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(905);
/* harmony import */ var ajv_draft_04__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ajv_draft_04__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2815);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(ajv_formats__WEBPACK_IMPORTED_MODULE_3__);
// The official OpenAPI 2.0 and 3.0 JSON schemas (as the openapi-schema-validator package ships them), compiled with
// Ajv for JSON Schema draft 04, the draft both are written in. Loaded only when a definition is given. The schemas are
// imported here rather than through the package's Validator, which reads them from disk at run time: the bundle in
// dist/ does not carry the package's files.




// Both are CommonJS modules: under ESM their class and function arrive as `default`, or on it.
const Ajv04 = ((ajv_draft_04__WEBPACK_IMPORTED_MODULE_2___default()["default"]) ?? (ajv_draft_04__WEBPACK_IMPORTED_MODULE_2___default()));
const addFormats = ((ajv_formats__WEBPACK_IMPORTED_MODULE_3___default()["default"]) ?? (ajv_formats__WEBPACK_IMPORTED_MODULE_3___default()));
const compiled = new Map();
function validatorFor(version) {
    let validate = compiled.get(version);
    if (!validate) {
        // Not strict: the official schemas use keywords Ajv's strict mode rejects.
        const ajv = new Ajv04({ strict: false });
        addFormats(ajv);
        validate = ajv.compile(version === '2.0' ? _seriousme_openapi_schema_validator_schemas_v2_0_schema_json__WEBPACK_IMPORTED_MODULE_0__ : _seriousme_openapi_schema_validator_schemas_v3_0_schema_json__WEBPACK_IMPORTED_MODULE_1__);
        compiled.set(version, validate);
    }
    return validate;
}
/** The schema's errors for the document (none when it is valid). */
function schemaErrors(document, version) {
    const validate = validatorFor(version);
    return validate(document) ? [] : (validate.errors ?? []);
}


/***/ })

};
