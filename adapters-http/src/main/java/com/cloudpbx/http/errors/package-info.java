/**
 * The API's single error shape, {@link com.cloudpbx.http.errors.ApiError}, for everything the
 * server answers.
 * <ul>
 *   <li>{@link com.cloudpbx.http.errors.ApiErrorResponseProcessor} covers what the framework
 *       produces: route misses, binding/JSON/validation failures, oversized bodies, unexpected
 *       exceptions (500, logged by the framework with the stack trace, body kept generic).</li>
 *   <li>{@link com.cloudpbx.http.errors.ApiAuthorizationExceptionHandler} covers security rejections
 *       (401/403).</li>
 *   <li>{@link com.cloudpbx.http.errors.MissingErrorBodyFilter} fills in a body for error statuses
 *       returned without one ({@code HttpResponse.status(GONE)}, a filter answering 429).</li>
 *   <li>Domain failures get their own handler, next to this package's classes: an
 *       {@code ExceptionHandler<DomainException, HttpResponse<ApiError>>} that maps the domain code
 *       to a status and answers with {@link com.cloudpbx.http.errors.ApiErrorResponses#of}. Micronaut
 *       picks the handler whose exception type is closest to the thrown one, so it will not clash
 *       with the handlers here.</li>
 * </ul>
 */
package com.cloudpbx.http.errors;
