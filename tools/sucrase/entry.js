// Only what codemode-runtime calls: transform(code, {transforms: ['typescript'], ...}).
export { transform } from "sucrase";
