/**
 * OpenAPI connectors at run time: {@link dev.codemode.openapi.OpenApiConnector}, which sends each
 * operation of a spec as an HTTP request, {@link dev.codemode.openapi.OpenApiDefinition}, the
 * definition class generated code extends, and the operations model ({@link
 * dev.codemode.openapi.ApiSpec}) they share with the build.
 */
@NullMarked
package dev.codemode.openapi;

import org.jspecify.annotations.NullMarked;
