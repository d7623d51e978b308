/**
 * The operations endpoints as a load balancer and a monitoring system use them: /health, /metrics.
 */
package org.mfaplatform.it.operations;
