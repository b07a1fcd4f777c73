/**
 * Image uploads (services.md §0.2), one implementation for every service that takes pictures
 * (product images, payment proofs): {@link dev.eshop.platform.web.upload.ImageUploads} checks size,
 * the type by the first bytes, the dimensions from the header, trailing bytes and decodability, in
 * that order, answering 413 {@code payload-too-large} or 415 {@code unsupported-media-type} problems,
 * and makes a JPEG thumbnail with one subsampled decode. JPEG and PNG are read by the JDK, WebP by
 * TwelveMonkeys {@code imageio-webp}. Store the result under a generated key with
 * {@link dev.eshop.platform.web.upload.ImageType#extension()}, never under the client's file name.
 */
package dev.eshop.platform.web.upload;
