/**
 * Typed requests and responses of seed 000's REST API. Record components in camelCase are the wire's
 * snake_case fields; requests validate their fields in the compact constructor (naming the field, the value
 * and what is accepted) so a bad call fails before it is sent, and responses copy their collections.
 */
package io.hfthot.client.model;
