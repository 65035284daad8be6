/**
 * REST conventions shared by every service: RFC 9457 problem responses that name the
 * offending field.
 */
@NullMarked
package dev.ordersaga.messaging.web;

import org.jspecify.annotations.NullMarked;
