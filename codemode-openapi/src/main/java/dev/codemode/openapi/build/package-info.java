/**
 * Build time only: reads an OpenAPI 3.0, 3.1 or Swagger 2.0 spec with swagger-parser and derives
 * a connector's tools from it ({@link dev.codemode.openapi.build.OpenApiDerivation}); the
 * annotation processor runs it inside javac.
 */
@NullMarked
package dev.codemode.openapi.build;

import org.jspecify.annotations.NullMarked;
