// Only what codemode-sandbox calls: transform(code, {transforms: ['typescript'], ...}).
export { transform } from "sucrase";
