"""How copy is read: files into Documents, Markdown into blocks and prose, quotation marks into
quotations. Nothing here knows what the words mean."""
