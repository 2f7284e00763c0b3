/**
 * The Petstore sample: {@link dev.codemode.samples.petstore.PetstoreConnector}, an OpenAPI
 * connector derived from the Swagger Petstore spec, and {@link
 * dev.codemode.samples.petstore.PetstoreServer}, a local Petstore server for the tests and the
 * demo.
 */
@NullMarked
package dev.codemode.samples.petstore;

import org.jspecify.annotations.NullMarked;
