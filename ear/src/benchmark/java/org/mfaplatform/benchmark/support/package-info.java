/** Benchmark users, their seeding and tokens, the first-login probe and the result file. */
package org.mfaplatform.benchmark.support;
