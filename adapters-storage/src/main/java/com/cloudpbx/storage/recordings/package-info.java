/**
 * Where call recordings are kept: an S3 bucket (or an S3-compatible store) when
 * {@code voip.s3.bucket} is set, a local directory otherwise.
 */
package com.cloudpbx.storage.recordings;
