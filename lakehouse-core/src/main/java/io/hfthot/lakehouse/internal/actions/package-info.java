/**
 * Delta log actions (protocol, metaData, add, remove, commitInfo) and their JSON form, per the Delta protocol.
 */
package io.hfthot.lakehouse.internal.actions;
