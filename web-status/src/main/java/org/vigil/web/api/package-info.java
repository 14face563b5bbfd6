/**
 * The JSON API ({@code /api/v1}): lists and details read from the {@link org.vigil.web.model} snapshots, and
 * actions that go through the external command path. Every error is a JSON {@link org.vigil.web.api.ApiError}.
 */
package org.vigil.web.api;
