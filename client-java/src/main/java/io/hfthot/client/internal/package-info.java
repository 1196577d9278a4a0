/**
 * The SDK's internals (JSON mapping, the retrying HTTP exchange); not API, may change in any release.
 */
package io.hfthot.client.internal;
