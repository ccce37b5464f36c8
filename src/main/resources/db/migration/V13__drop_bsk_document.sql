-- BSK's API-4/5 find an application from a certificate number through the certificate register itself
-- (IssuedDocuments), so the connector's own copy of that mapping is no longer kept.
DROP TABLE bsk_document;
