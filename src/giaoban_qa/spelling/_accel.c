/* Compiled versions of the spelling rules' two per-word passes over a document.
 *
 * The spelling rules read every word of a document twice before they judge any: the split
 * into plain words (giaoban_qa.spelling.tokens.scan) and, for text.real-word-slip, each
 * word's model id and the test of each pair of neighbours against the slip index's strong
 * contexts (rules.spelling._suspects). In Python both run at C speed piece by piece (one
 * regex split, maps over lists), but as a dozen passes that each build a list of every word;
 * here each is one loop. They are most of what the spelling rules cost on ordinary reports
 * (benchmarks/profile_spelling_parts.py).
 *
 * Both functions return exactly what their Python versions return; the Python versions stay
 * and are used when this module is not built (tests compare the two). Character classes are
 * those of Python's re module for str patterns: \w is Py_UNICODE_ISALNUM or '_', \d is
 * Py_UNICODE_ISDECIMAL, so a letter ([^\W\d_]) is alphanumeric and not a decimal digit.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Classes of the first characters (Latin, Vietnamese, general punctuation) by table; the
 * rest by the Unicode database. The table is filled from the same macros at import. */
#define TABLE_SIZE 0x2000
#define IS_LETTER 1
#define IS_WORD 2
#define IS_ALNUM 4
static unsigned char char_class[TABLE_SIZE];

static void fill_char_class(void)
{
    for (Py_UCS4 c = 0; c < TABLE_SIZE; c++) {
        unsigned char k = 0;
        if (Py_UNICODE_ISALNUM(c)) {
            k |= IS_WORD | IS_ALNUM;
            if (!Py_UNICODE_ISDECIMAL(c))
                k |= IS_LETTER;
        }
        if (c == '_')
            k |= IS_WORD;
        char_class[c] = k;
    }
}

static inline int is_letter(Py_UCS4 c)
{
    return c < TABLE_SIZE ? (char_class[c] & IS_LETTER) != 0 : (Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c));
}

static inline int is_word(Py_UCS4 c) /* \w */
{
    return c < TABLE_SIZE ? (char_class[c] & IS_WORD) != 0 : Py_UNICODE_ISALNUM(c);
}

static inline int is_alnum(Py_UCS4 c) /* [^\W_] */
{
    return c < TABLE_SIZE ? (char_class[c] & IS_ALNUM) != 0 : Py_UNICODE_ISALNUM(c);
}

/* The characters that glue a letter run into a code, a URL or a compound (tokens._GLUE_CLASS). */
static inline int is_glue(Py_UCS4 c)
{
    switch (c) {
    case '_': case '/': case '@': case '\\': case '-': case 0x2013: case '\'': case 0x2019:
    case '&': case '+': case '=': case '#': case '%': case ':': case '~': case '|':
    case '<': case '>': case '*':
        return 1;
    default:
        return 0;
    }
}

/* Only spaces (ordinary or no-break), one to three of them (tokens._JOINING). */
static int joining_gap(int kind, const void *data, Py_ssize_t from, Py_ssize_t to)
{
    Py_ssize_t gap = to - from;
    if (gap < 1 || gap > 3)
        return 0;
    for (Py_ssize_t k = from; k < to; k++) {
        Py_UCS4 s = PyUnicode_READ(kind, data, k);
        if (s != ' ' && s != 0xA0)
            return 0;
    }
    return 1;
}

static int append_new(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int r = PyList_Append(list, item);
    Py_DECREF(item);
    return r;
}

/* The words met so far in the run, each kept once: a word is appended as the string met
 * first, so the sets and dicts the rules look words up in find it by identity, in memory
 * they touched already, instead of comparing a fresh copy with the stored one; and a word
 * met before costs no new string (most of a document's words were met in earlier
 * documents). An open-addressing table of the kept strings by a hash of their code points,
 * looked up straight from the text's characters. Bounded: emptied past WORDS_MAX. */
#define WORDS_MAX 100000
typedef struct {
    unsigned long long hash;
    PyObject *word; /* a str, owned; NULL: free slot */
} KnownWord;
static KnownWord *known = NULL;
static Py_ssize_t known_size = 0, known_used = 0; /* size: a power of two */

static void forget_known(void)
{
    for (Py_ssize_t k = 0; k < known_size; k++)
        Py_XDECREF(known[k].word);
    PyMem_Free(known);
    known = NULL;
    known_size = known_used = 0;
}

static int grow_known(void)
{
    Py_ssize_t size = known_size ? known_size * 2 : 1 << 14;
    KnownWord *table = PyMem_Calloc(size, sizeof(KnownWord));
    if (table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < known_size; k++) {
        if (known[k].word == NULL)
            continue;
        Py_ssize_t slot = (Py_ssize_t)(known[k].hash & (size - 1));
        while (table[slot].word != NULL)
            slot = (slot + 1) & (size - 1);
        table[slot] = known[k];
    }
    PyMem_Free(known);
    known = table;
    known_size = size;
    return 0;
}

/* The kept string equal to text[start:end] (a new reference), made and kept if new. */
static PyObject *kept_word(PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    unsigned long long hash = 1469598103934665603ull; /* FNV-1a over the code points */
    for (Py_ssize_t k = start; k < end; k++) {
        hash ^= PyUnicode_READ(kind, data, k);
        hash *= 1099511628211ull;
    }
    if (known_used > WORDS_MAX)
        forget_known();
    if ((known_used + 1) * 2 > known_size && grow_known() < 0)
        return NULL;
    const Py_ssize_t length = end - start;
    Py_ssize_t slot = (Py_ssize_t)(hash & (known_size - 1));
    for (;; slot = (slot + 1) & (known_size - 1)) {
        PyObject *word = known[slot].word;
        if (word == NULL)
            break;
        if (known[slot].hash != hash || PyUnicode_GET_LENGTH(word) != length)
            continue;
        const int word_kind = PyUnicode_KIND(word);
        const void *word_data = PyUnicode_DATA(word);
        Py_ssize_t k = 0;
        while (k < length && PyUnicode_READ(word_kind, word_data, k) == PyUnicode_READ(kind, data, start + k))
            k++;
        if (k == length) {
            Py_INCREF(word);
            return word;
        }
    }
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (word == NULL)
        return NULL;
    Py_INCREF(word);
    known[slot].hash = hash;
    known[slot].word = word;
    known_used++;
    return word;
}

PyDoc_STRVAR(scan_doc,
"scan(text) -> (texts, starts, ends, joined)\n\n"
"The plain words of text as tokens.scan finds them: maximal letter runs with no word\n"
"character or glue character on either side, no 'x.' before (Tp.HCM) and no '.x' after\n"
"(a domain); joined: only one to three spaces since the previous word (never the first).");

static PyObject *scan(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "scan() needs a str");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *texts = PyList_New(0), *starts = PyList_New(0), *ends = PyList_New(0), *joined = PyList_New(0);
    if (!texts || !starts || !ends || !joined)
        goto fail;
    Py_ssize_t i = 0, previous_end = -1;
    while (i < n) {
        if (!is_letter(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        const Py_ssize_t start = i;
        Py_ssize_t end = i + 1;
        while (end < n && is_letter(PyUnicode_READ(kind, data, end)))
            end++;
        i = end;
        /* (A shorter run would end before a letter, which the regex's lookahead rejects: a
         * run is a word whole or not at all.) */
        if (start > 0) {
            Py_UCS4 before = PyUnicode_READ(kind, data, start - 1);
            if (is_word(before) || is_glue(before))
                continue;
            if (before == '.' && start > 1 && is_alnum(PyUnicode_READ(kind, data, start - 2)))
                continue;
        }
        if (end < n) {
            Py_UCS4 after = PyUnicode_READ(kind, data, end);
            if (is_word(after) || is_glue(after))
                continue;
            if (after == '.' && end + 1 < n && is_alnum(PyUnicode_READ(kind, data, end + 1)))
                continue;
        }
        int is_joined = previous_end >= 0 && joining_gap(kind, data, previous_end, start);
        if (append_new(texts, kept_word(text, kind, data, start, end)) < 0 ||
            append_new(starts, PyLong_FromSsize_t(start)) < 0 ||
            append_new(ends, PyLong_FromSsize_t(end)) < 0 ||
            PyList_Append(joined, is_joined ? Py_True : Py_False) < 0)
            goto fail;
        previous_end = end;
    }
    return Py_BuildValue("(NNNN)", texts, starts, ends, joined);
fail:
    Py_XDECREF(texts);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(joined);
    return NULL;
}

/* Sorted keys (4 or 8 bytes each) with, for each first word id, where its keys start: a
 * key (a << shift | b) is looked for among the few keys of a, not by bisecting them all
 * (a bisection of ~100,000 keys per pair of neighbours was most of this loop's time). */
typedef struct {
    Py_buffer keys;
    Py_buffer rows; /* uint32 × (ids + 1): the keys of first id a are keys[rows[a]:rows[a + 1]] */
    Py_ssize_t n_rows;
} KeyTable;

static int key_table(KeyTable *t, PyObject *keys, PyObject *rows)
{
    if (PyObject_GetBuffer(keys, &t->keys, PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (PyObject_GetBuffer(rows, &t->rows, PyBUF_C_CONTIGUOUS) < 0) {
        PyBuffer_Release(&t->keys);
        return -1;
    }
    if ((t->keys.itemsize != 4 && t->keys.itemsize != 8) || t->rows.len % 4 != 0 || t->rows.len < 4) {
        PyBuffer_Release(&t->keys);
        PyBuffer_Release(&t->rows);
        PyErr_SetString(PyExc_ValueError, "suspects(): keys of 4 or 8 bytes and rows of uint32 expected");
        return -1;
    }
    t->n_rows = t->rows.len / 4 - 1;
    return 0;
}

static void key_table_release(KeyTable *t)
{
    PyBuffer_Release(&t->keys);
    PyBuffer_Release(&t->rows);
}

/* The i-th key of a buffer of 4- or 8-byte keys. */
static inline unsigned long long key_at(const Py_buffer *keys, Py_ssize_t i)
{
    return keys->itemsize == 8 ? ((const unsigned long long *)keys->buf)[i] : ((const unsigned int *)keys->buf)[i];
}

static inline int among(const KeyTable *t, unsigned long long first, unsigned long long key)
{
    if (first >= (unsigned long long)t->n_rows)
        return 0;
    const unsigned int *rows = (const unsigned int *)t->rows.buf;
    const Py_ssize_t n_keys = t->keys.len / t->keys.itemsize;
    /* (Rows that point past the keys find nothing there.) */
    const Py_ssize_t end = rows[first + 1] < n_keys ? (Py_ssize_t)rows[first + 1] : n_keys;
    Py_ssize_t lo = rows[first] < end ? (Py_ssize_t)rows[first] : end, hi = end;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) >> 1;
        if (key_at(&t->keys, mid) < key) lo = mid + 1; else hi = mid;
    }
    return lo < end && key_at(&t->keys, lo) == key;
}

PyDoc_STRVAR(key_rows_doc,
"key_rows(keys, shift, ids) -> bytes\n\n"
"For sorted pair keys (a << shift | b, a sorted buffer of 4- or 8-byte keys) and first ids\n"
"below ids: uint32 × (ids + 1), where the keys of each first id start (the table suspects\n"
"looks keys up in).");

static PyObject *key_rows(PyObject *self, PyObject *args)
{
    PyObject *keys_obj;
    unsigned int shift;
    Py_ssize_t n_ids;
    if (!PyArg_ParseTuple(args, "OIn:key_rows", &keys_obj, &shift, &n_ids))
        return NULL;
    if (shift > 32 || n_ids < 0 || n_ids > 0x7FFFFFFF) {
        PyErr_SetString(PyExc_ValueError, "key_rows(): shift above 32 or ids out of range");
        return NULL;
    }
    Py_buffer keys;
    if (PyObject_GetBuffer(keys_obj, &keys, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    if (keys.itemsize != 4 && keys.itemsize != 8) {
        PyBuffer_Release(&keys);
        PyErr_SetString(PyExc_ValueError, "key_rows(): keys of 4 or 8 bytes expected");
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, (n_ids + 1) * 4);
    if (out == NULL) {
        PyBuffer_Release(&keys);
        return NULL;
    }
    unsigned int *rows = (unsigned int *)PyBytes_AS_STRING(out);
    Py_ssize_t n_keys = keys.len / keys.itemsize, k = 0;
    for (Py_ssize_t a = 0; a <= n_ids; a++) {
        /* rows[a]: the first key whose first id is a or more */
        while (k < n_keys && (key_at(&keys, k) >> shift) < (unsigned long long)a)
            k++;
        rows[a] = (unsigned int)k;
    }
    PyBuffer_Release(&keys);
    return out;
}

PyDoc_STRVAR(suspects_doc,
"suspects(texts, ids, shift, left_keys, left_rows, right_keys, right_rows, unknown)\n"
"    -> (word_ids, places)\n\n"
"word_ids: bytes, ids[t] of every word t of the list texts as uint64 (ids a dict, its\n"
"__missing__ asked for a word it lacks). places: sorted, the words w with a pair (l, w) among the strong-left\n"
"keys or (w, r) among the strong-right keys (a pair's key: id << shift | next id; each\n"
"sorted, with its key_rows), and every word whose id is unknown.");

static PyObject *suspects(PyObject *self, PyObject *args)
{
    PyObject *texts, *ids, *left_keys, *left_rows, *right_keys, *right_rows;
    unsigned int shift;
    unsigned long long unknown;
    if (!PyArg_ParseTuple(args, "O!O!IOOOOK:suspects", &PyList_Type, &texts, &PyDict_Type, &ids, &shift, &left_keys,
                          &left_rows, &right_keys, &right_rows, &unknown))
        return NULL;
    if (shift > 32) {
        PyErr_SetString(PyExc_ValueError, "suspects(): shift above 32");
        return NULL;
    }
    KeyTable left, right;
    if (key_table(&left, left_keys, left_rows) < 0)
        return NULL;
    if (key_table(&right, right_keys, right_rows) < 0) {
        key_table_release(&left);
        return NULL;
    }
    PyObject *word_ids = NULL, *places = NULL;
    unsigned long long *raw = NULL;
    char *suspect = NULL;
    const Py_ssize_t n = PyList_GET_SIZE(texts);
    /* (The ids as uint64 bytes, not a list: a list would write the reference count of an
     * id object per word, scattered over memory; the rule reads the ids of a few words.) */
    word_ids = PyBytes_FromStringAndSize(NULL, sizeof(unsigned long long) * n);
    raw = word_ids ? (unsigned long long *)PyBytes_AS_STRING(word_ids) : NULL;
    suspect = PyMem_Calloc(n ? n : 1, 1);
    if (!word_ids || !suspect) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(texts, i);
        PyObject *id = PyDict_GetItemWithError(ids, word); /* borrowed */
        if (id != NULL) {
            raw[i] = PyLong_AsUnsignedLongLong(id);
        } else {
            if (PyErr_Occurred() || (id = PyObject_GetItem(ids, word)) == NULL) /* __missing__ */
                goto fail;
            raw[i] = PyLong_AsUnsignedLongLong(id);
            Py_DECREF(id);
        }
        if (raw[i] == (unsigned long long)-1 && PyErr_Occurred())
            goto fail;
    }
    for (Py_ssize_t p = 0; p + 1 < n; p++) {
        unsigned long long key = (raw[p] << shift) | raw[p + 1];
        if (among(&left, raw[p], key))
            suspect[p + 1] = 1; /* (l, w): w, the second word, may be a slip */
        if (among(&right, raw[p], key))
            suspect[p] = 1; /* (w, r): the first word */
    }
    places = PyList_New(0);
    if (!places)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++)
        if ((suspect[i] || raw[i] == unknown) && append_new(places, PyLong_FromSsize_t(i)) < 0)
            goto fail;
    PyMem_Free(suspect);
    key_table_release(&left);
    key_table_release(&right);
    return Py_BuildValue("(NN)", word_ids, places);
fail:
    Py_XDECREF(word_ids);
    Py_XDECREF(places);
    PyMem_Free(suspect);
    key_table_release(&left);
    key_table_release(&right);
    return NULL;
}

static PyMethodDef accel_methods[] = {
    {"scan", scan, METH_O, scan_doc},
    {"key_rows", key_rows, METH_VARARGS, key_rows_doc},
    {"suspects", suspects, METH_VARARGS, suspects_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef accel_module = {
    PyModuleDef_HEAD_INIT, "giaoban_qa.spelling._accel",
    "Compiled per-word passes of the spelling rules (see the source's header).", -1, accel_methods,
};

PyMODINIT_FUNC PyInit__accel(void)
{
    fill_char_class();
    return PyModule_Create(&accel_module);
}
