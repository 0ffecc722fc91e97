/**
 * Readers for the labelled text corpora of the LIME paper's text experiments: 20 Newsgroups
 * (alt.atheism vs soc.religion.christian, by-date split, with or without the e-mail headers) and
 * the multi-domain sentiment reviews (books, DVDs). Files are read from directories the user names;
 * nothing is downloaded.
 */
package dev.limelight.text.corpus;
