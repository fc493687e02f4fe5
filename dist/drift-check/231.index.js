export const id = 231;
export const ids = [231];
export const modules = {

/***/ 1231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_STATEMENT_TIMEOUT_MS: () => (/* reexport safe */ _check_js__WEBPACK_IMPORTED_MODULE_0__.Lf),
/* harmony export */   acquireReplayServer: () => (/* reexport safe */ _replay_js__WEBPACK_IMPORTED_MODULE_1__.f8),
/* harmony export */   driftCheck: () => (/* reexport safe */ _check_js__WEBPACK_IMPORTED_MODULE_0__.Wg),
/* harmony export */   nearestLocalMajors: () => (/* reexport safe */ _replay_js__WEBPACK_IMPORTED_MODULE_1__.er),
/* harmony export */   replayMigrations: () => (/* reexport safe */ _replay_js__WEBPACK_IMPORTED_MODULE_1__.fM),
/* harmony export */   targetSession: () => (/* reexport safe */ _check_js__WEBPACK_IMPORTED_MODULE_0__.sN)
/* harmony export */ });
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9515);
/* harmony import */ var _replay_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5241);
/** The drift check: a live database against its migration history. */




/***/ })

};
