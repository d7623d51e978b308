/** Accounts: login names, password hashes, roles and second-factor counters. */
package org.mfaplatform.account.entity;
