/**
 * JSON over HTTP to the saga's services, for every command that reads or changes them:
 * bodies bound to records by Jackson, and every failure reported one way.
 */
@NullMarked
package dev.ordersaga.ops.http;

import org.jspecify.annotations.NullMarked;
