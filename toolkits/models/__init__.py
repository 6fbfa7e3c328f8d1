from .downloads import DocumentDownload
from .pages import MessagingGuidePage, QAToolkitPage, ToolkitIndexPage, ToolkitPage
from .topics import Topic

__all__ = ["DocumentDownload", "MessagingGuidePage", "QAToolkitPage", "Topic", "ToolkitIndexPage", "ToolkitPage"]
