/**
 * Formatting for the pages (spec/ui.md §0.3): {@link dev.eshop.platform.webapp.format.Formats},
 * reached from templates as {@code @fmt}, and the status {@link dev.eshop.platform.webapp.format.Badge}s.
 */
package dev.eshop.platform.webapp.format;
