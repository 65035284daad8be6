/**
 * The local stack's token keys: the RSA key pair that {@code sagactl token} signs with
 * and the services check tokens against.
 */
@NullMarked
package dev.ordersaga.infra.security;

import org.jspecify.annotations.NullMarked;
