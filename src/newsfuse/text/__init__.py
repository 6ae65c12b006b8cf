"""The text layer every stage reads through: words, terms and figures (`lexical`), dates
(`dates`), language (`language`), signs of garbling (`quality`), page furniture
(`furniture`), who a text credits (`credits`), sentence embeddings
(`embed`, with its WordPiece tokenizer `wordpiece`), maps of offsets between a raw and a
cleaned text (`textmap`), sets of character stretches (`stretches`), whether two sentences
state the same thing (`matcher`, fitted on MRPC) and spaCy, loaded once (`nlp`). Nothing
here knows about stories, sources or briefs.
"""
