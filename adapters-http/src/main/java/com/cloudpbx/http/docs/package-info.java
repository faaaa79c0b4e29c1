/**
 * The OpenAPI document (generated at compile time, served at /openapi.yml) and Swagger UI at
 * /docs, served entirely from this server so the documentation works offline.
 */
package com.cloudpbx.http.docs;
