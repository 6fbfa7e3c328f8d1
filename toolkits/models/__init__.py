from .downloads import DocumentDownload
from .languages import LanguageRequest, ToolkitDocumentLanguage
from .pages import MessagingGuidePage, QAToolkitPage, ToolkitIndexPage, ToolkitPage
from .topics import Topic

__all__ = [
    "DocumentDownload",
    "LanguageRequest",
    "MessagingGuidePage",
    "QAToolkitPage",
    "Topic",
    "ToolkitDocumentLanguage",
    "ToolkitIndexPage",
    "ToolkitPage",
]
