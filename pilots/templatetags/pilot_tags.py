from django import template

register = template.Library()


@register.filter
def label(mapping: dict, key: object) -> object:
    """{{ labels.WARNINGS|label:code }}: the translatable label of an engine code."""
    return mapping.get(str(key), key)


@register.filter
def percent(value: float | None, places: int = 1) -> str:
    """A 0–1 fraction as a Dutch-style percentage: 0.0712 → '7,1%'."""
    if value is None:
        return "–"
    from django.utils.formats import number_format

    return f"{number_format(value * 100, places)}%"


@register.filter
def sub(a: object, b: object) -> object:
    """a − b, for Decimal money in templates."""
    return a - b


@register.filter
def placeholders(text: str) -> str:
    """Generated documents: `[[…]]` placeholders as <mark>, everything escaped."""
    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    from pilots.documents import marked

    return mark_safe(  # noqa: S308 - every part escaped
        "".join(
            format_html('<mark class="placeholder">{}</mark>', part) if is_mark else escape(part)
            for is_mark, part in marked(text)
        )
    )
