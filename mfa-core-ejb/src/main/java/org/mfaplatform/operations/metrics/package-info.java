/** Counters of security events that the server reports at /metrics for monitoring. */
package org.mfaplatform.operations.metrics;
