package uk.assure.web;

/** One error on a form: the id of the field it belongs to, and the message in GOV.UK wording. */
public record FormError(String field, String message) {}
